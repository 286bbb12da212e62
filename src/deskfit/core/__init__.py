"""The deciding core of deskfit. Nothing in here may import textual (see tests)."""
