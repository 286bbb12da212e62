"""The profile and its questions: fields, when each applies, the steps, reading typed text, units, validation."""
