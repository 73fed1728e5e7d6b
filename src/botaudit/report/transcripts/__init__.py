"""The trainers' transcript review: statistics judged, rendered and offered as a command.

It sits in the report layer because it judges (checks) and renders; reading the logs is
`botaudit.transcripts`, which gathers and imports nothing above the evidence.
"""
