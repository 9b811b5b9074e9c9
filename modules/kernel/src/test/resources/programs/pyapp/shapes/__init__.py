from .square import Square
from .area import area
