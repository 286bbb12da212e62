"""What the commands do with profiles: set answers, save with the advice, compare, report on many."""
