"""Deadline cells → typed `Deadline`s: the cell's words as symbols (`symbols`), what they say as calendar
spans (`grammar`), and the spans resolved to dates with the plan's year and voting days (`resolve`)."""
