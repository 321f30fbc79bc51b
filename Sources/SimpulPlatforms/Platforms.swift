import SimpulCore
