import SimpulServer

try await SimpulMain.run()
