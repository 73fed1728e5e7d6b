"""All deployments of one bot in one audit: several targets, one combined report.

The study found "no uniform instruction across deployments" (METKU 2022, Lisäselvitys 2,
4.2.3): the same bot told citizens different things on different sites. A per-deployment
audit cannot see that; this package runs every target of a config (each a normal audit
with its own bundle and report in a subfolder) and judges consistency across them.
"""
