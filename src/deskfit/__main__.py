"""``python -m deskfit``: the same as the ``deskfit`` command."""

from deskfit.launch import main

if __name__ == "__main__":
    main()
