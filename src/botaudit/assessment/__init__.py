"""Self-assessment: what only people in the organisation can answer, as validated data.

Several values (social licence, collaboration, adaptability, parts of efficiency,
effectiveness and accountability) cannot be judged from the outside; the study's own method
is a self-assessment by the team (METKU 2022, appendix 2). The answers live in a YAML file
next to the audit config, are copied into the evidence bundle, and judge the criteria that
have no automated check.
"""
