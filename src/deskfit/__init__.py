"""deskfit: set up a desk, chair and footstool for the body that sits at them."""

__version__ = "0.1.0"
