"""From a reader's raw tables to plan rows: which column is which (`columns`), the activity table(s)
assembled with sections and provenance (`assemble`), plans written as labelled lists (`list_plans`), and a
cell's text as one clean line (`cell_text`)."""
