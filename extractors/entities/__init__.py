"""Who and what a plan names: natasha's models (`models`), case inflection (`inflection`), noun phrases in
the nominative (`noun_phrases`), people (`people`), the responsible cell cut into bodies, groups and posts
(`responsible_phrases`, `responsible`), and partners mentioned in an activity (`mentions`)."""
