"""The review loop of the dataset of record: the machine's doubts about each activity (`reasons`), the
corrections people send (`corrections`: the file contract), their application night after night and across
revisions (`apply`), and stable activity keys and what changed between revisions (`revisions`)."""
