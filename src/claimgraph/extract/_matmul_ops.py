"""The model's matrix products by NumPy's BLAS rather than thinc's BLIS: the same layers, weights and annotations.

thinc multiplies with the BLIS it bundles, which on this project's machines ran the tok2vec's layer shapes at about
40 GFLOP/s on one core, where NumPy's OpenBLAS ran them at about 70 (a one-off check; `bench/ingest_parts.py` times
each component as shipped and as loaded). Only who multiplies changes; the greedy parsing loop inside spaCy's parser
and recogniser keeps BLIS, since it calls it from compiled code. Sums taken in another order may differ in the last
bits of a float, so `tests/test_attribute_rules.py` checks every tag, dependency, head and entity against the model
as spaCy ships it.
"""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps


class MatmulOps(NumpyOps):
    """thinc's CPU operations with ``gemm`` by ``numpy.matmul``."""

    name = "numpy-matmul"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        left = x.T if trans1 else x
        right = y.T if trans2 else y
        if out is None:
            return numpy.matmul(left, right)
        numpy.matmul(left, right, out=out)
        return out


def use_matmul(nlp) -> None:
    """Give every layer of ``nlp``'s components that runs on thinc's plain CPU operations the NumPy product
    instead. Layers on other operations (a GPU's, Apple's) keep theirs."""
    ops = MatmulOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for layer in model.walk() if hasattr(model, "walk") else ():
            if type(layer.ops) is NumpyOps:
                layer.ops = ops
