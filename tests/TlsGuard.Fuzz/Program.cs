using TlsGuard.Fuzz;

return FuzzCommand.Run(args);
