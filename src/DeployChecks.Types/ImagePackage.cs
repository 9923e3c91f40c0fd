namespace DeployChecks;

/// <summary>
/// One package installed in a container image, as <c>Invoke-ImageScan</c> finds it: an OS package from the dpkg or
/// apk database, or a Python distribution from a <c>*.dist-info/METADATA</c> or <c>*.egg-info/PKG-INFO</c>. Pipe it
/// into <c>Find-DependencyVulnerability</c> or <c>Export-DependencySbom</c>.
/// </summary>
public sealed class ImagePackage
{
    /// <summary>The package name as its database records it (<c>libssl3</c>, <c>Django</c>).</summary>
    public string Name { get; set; } = "";

    public string Version { get; set; } = "";

    /// <summary>The OSV ecosystem: <c>PyPI</c>, <c>Debian:12</c>, <c>Ubuntu:22.04</c>, <c>Alpine:v3.20</c>.</summary>
    public string Ecosystem { get; set; } = "";

    /// <summary><c>python</c>, <c>deb</c> or <c>apk</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The source package an OS package was built from (dpkg <c>Source:</c>, apk origin): OSV's Debian and
    /// Alpine advisories name source packages. The package name itself when the database gives none.</summary>
    public string SourceName { get; set; } = "";

    /// <summary>The source package's version (dpkg <c>Source: name (version)</c>); else <see cref="Version"/>.</summary>
    public string SourceVersion { get; set; } = "";

    /// <summary>CPU architecture an OS package was built for, when recorded.</summary>
    public string? Architecture { get; set; }

    /// <summary>The package URL (purl-spec): <c>pkg:pypi/django@4.2.1</c>, <c>pkg:deb/debian/libssl3@3.0.11-1?arch=amd64&amp;distro=debian-12</c>.</summary>
    public string Purl { get; set; } = "";

    /// <summary>The file the package was read from, inside the image (<c>/var/lib/dpkg/status</c>,
    /// <c>/usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO</c>).</summary>
    public string Path { get; set; } = "";

    /// <summary>Digest of the layer that added this package (the last layer that wrote its metadata).</summary>
    public string LayerDigest { get; set; } = "";

    /// <summary>0-based index of that layer.</summary>
    public int LayerIndex { get; set; }

    /// <summary>The scanned image (reference or archive path).</summary>
    public string Image { get; set; } = "";

    public override string ToString() => $"{Name} {Version} ({Ecosystem})";
}
