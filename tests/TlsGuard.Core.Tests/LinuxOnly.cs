// The scanner's tests read Linux system libraries, run binutils readelf and make FIFOs: they run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
