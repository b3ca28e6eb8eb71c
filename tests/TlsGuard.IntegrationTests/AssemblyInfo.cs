// Builds are CPU-bound and the in-process ones share MSBuild's default BuildManager: run test classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
