namespace TlsGuard.Core.Analysis
{
    /// <summary>Where the loader found a module of a dependency closure: the step of its search order that answered.</summary>
    public enum ModuleOrigin
    {
        /// <summary>The analysed library itself.</summary>
        Input,

        /// <summary>A DT_NEEDED entry with a slash: the path as written.</summary>
        Path,

        /// <summary>DT_RPATH of the requester or of a module that loaded it.</summary>
        Rpath,

        /// <summary>DT_RUNPATH of the requester.</summary>
        Runpath,

        /// <summary>A configured search folder (TlsGuardSearchPaths, --search), searched as LD_LIBRARY_PATH is.</summary>
        SearchPath,

        /// <summary>Another library of the same app, loaded by .NET from the app's probing folders.</summary>
        App,

        /// <summary>This machine's library folders (ld.so.conf and the loader's defaults).</summary>
        ThisMachine,

        /// <summary>The sysroot's (or image's) library folders.</summary>
        Sysroot,
    }
}
