"""Packaged data files (lexicons, gazetteer); read with importlib.resources."""
