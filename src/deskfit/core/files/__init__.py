"""Profile files: reading, atomic saving under a lock, finding a profile by name, where an export may go."""
