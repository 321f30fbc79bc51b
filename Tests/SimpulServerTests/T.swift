import Testing
import VaporTesting
@testable import SimpulServer
