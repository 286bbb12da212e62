"""A profile being written in the wizard: its answers, its draft, the file it came from, its drawing."""
