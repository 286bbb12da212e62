"""The advice engine: body estimates, targets, the plan, ROSA, the advice lines."""
