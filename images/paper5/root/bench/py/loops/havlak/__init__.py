# Package "havlak": control-flow graphs and Havlak's loop-nesting algorithm.
from .cfg import BasicBlock, Cfg, CfgBuilder
from .finder import HavlakLoopFinder, LoopStructureGraph, SimpleLoop

__all__ = ["BasicBlock", "Cfg", "CfgBuilder", "HavlakLoopFinder", "LoopStructureGraph", "SimpleLoop"]
