using System.Globalization;
using System.Text;

namespace DeployChecks.Engine.Tests.Dependencies.Parsers;

/// <summary>Synthetic, realistically shaped lock files of a given size, for timing the parsers.</summary>
internal static class LargeLocks
{
    private static string Hash(int i, int k) => (i * 7919 + k * 104729).ToString("x8", CultureInfo.InvariantCulture).PadLeft(64, 'a');

    private static string Name(int i) => "package-" + i.ToString(CultureInfo.InvariantCulture);

    private static string Version(int i) => $"{i % 9}.{i % 17}.{i % 5}";

    public static string Requirements(int n)
    {
        var sb = new StringBuilder("# pip-compile --generate-hashes\n--index-url https://pypi.org/simple\n\n");
        for (int i = 0; i < n; i++)
        {
            sb.Append(Name(i)).Append("==").Append(Version(i)).Append(" ; python_version >= \"3.8\" \\\n");
            sb.Append("    --hash=sha256:").Append(Hash(i, 1)).Append(" \\\n");
            sb.Append("    --hash=sha256:").Append(Hash(i, 2)).Append('\n');
            sb.Append("    # via -r requirements.in\n");
        }
        return sb.ToString();
    }

    public static string PipfileLock(int n)
    {
        var sb = new StringBuilder("{\n  \"_meta\": {\"hash\": {\"sha256\": \"").Append(Hash(0, 0)).Append("\"}, \"pipfile-spec\": 6, \"requires\": {}, \"sources\": []},\n  \"default\": {\n");
        for (int i = 0; i < n; i++)
        {
            sb.Append("    \"").Append(Name(i)).Append("\": {\"hashes\": [\"sha256:").Append(Hash(i, 1)).Append("\", \"sha256:").Append(Hash(i, 2))
              .Append("\"], \"markers\": \"python_version >= '3.8'\", \"version\": \"==").Append(Version(i)).Append("\"}").Append(i < n - 1 ? ",\n" : "\n");
        }
        return sb.Append("  },\n  \"develop\": {}\n}\n").ToString();
    }

    public static string PoetryLock(int n)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.Append("[[package]]\nname = \"").Append(Name(i)).Append("\"\nversion = \"").Append(Version(i))
              .Append("\"\ndescription = \"A package\"\noptional = false\npython-versions = \">=3.8\"\ngroups = [\"main\"]\nfiles = [\n")
              .Append("    {file = \"").Append(Name(i)).Append("-py3-none-any.whl\", hash = \"sha256:").Append(Hash(i, 1)).Append("\"},\n")
              .Append("    {file = \"").Append(Name(i)).Append(".tar.gz\", hash = \"sha256:").Append(Hash(i, 2)).Append("\"},\n]\n\n")
              .Append("[package.dependencies]\nsix = \">=1.5\"\n\n");
        }
        return sb.Append("[metadata]\nlock-version = \"2.1\"\npython-versions = \"^3.11\"\ncontent-hash = \"").Append(Hash(0, 0)).Append("\"\n").ToString();
    }

    public static string UvLock(int n)
    {
        var sb = new StringBuilder("version = 1\nrevision = 2\nrequires-python = \">=3.11\"\n\n");
        for (int i = 0; i < n; i++)
        {
            sb.Append("[[package]]\nname = \"").Append(Name(i)).Append("\"\nversion = \"").Append(Version(i))
              .Append("\"\nsource = { registry = \"https://pypi.org/simple\" }\ndependencies = [\n    { name = \"six\" },\n]\n")
              .Append("sdist = { url = \"https://files.pythonhosted.org/x.tar.gz\", hash = \"sha256:").Append(Hash(i, 1)).Append("\", size = 1234 }\n")
              .Append("wheels = [\n    { url = \"https://files.pythonhosted.org/x-py3-none-any.whl\", hash = \"sha256:").Append(Hash(i, 2)).Append("\", size = 999 },\n]\n\n");
        }
        return sb.ToString();
    }

    public static string PdmLock(int n)
    {
        var sb = new StringBuilder("[metadata]\ngroups = [\"default\"]\nlock_version = \"4.4.2\"\ncontent_hash = \"sha256:").Append(Hash(0, 0)).Append("\"\n\n");
        for (int i = 0; i < n; i++)
        {
            sb.Append("[[package]]\nname = \"").Append(Name(i)).Append("\"\nversion = \"").Append(Version(i))
              .Append("\"\nrequires_python = \">=3.8\"\ngroups = [\"default\"]\ndependencies = [\"six>=1.5\"]\nfiles = [\n")
              .Append("    {file = \"a.whl\", hash = \"sha256:").Append(Hash(i, 1)).Append("\"},\n")
              .Append("    {file = \"a.tar.gz\", hash = \"sha256:").Append(Hash(i, 2)).Append("\"},\n]\n\n");
        }
        return sb.ToString();
    }

    public static string PyLock(int n)
    {
        var sb = new StringBuilder("lock-version = \"1.0\"\nrequires-python = \">=3.12\"\ncreated-by = \"uv\"\n\n");
        for (int i = 0; i < n; i++)
        {
            sb.Append("[[packages]]\nname = \"").Append(Name(i)).Append("\"\nversion = \"").Append(Version(i)).Append("\"\nindex = \"https://pypi.org/simple\"\n")
              .Append("sdist = { url = \"https://files.pythonhosted.org/x.tar.gz\", hashes = { sha256 = \"").Append(Hash(i, 1)).Append("\" } }\n")
              .Append("wheels = [{ url = \"https://files.pythonhosted.org/x.whl\", hashes = { sha256 = \"").Append(Hash(i, 2)).Append("\" } }]\n\n");
        }
        return sb.ToString();
    }
}
