using System;
using System.IO;
using System.Linq;
using CsCheck;
using DeployChecks.Engine.Workspace;

namespace DeployChecks.Engine.Tests.Workspace;

/// <summary>Generated inputs for the glob matcher, ignore files and the git index reader: no crash, no hang.</summary>
public class WorkspaceRobustnessTests
{
    private static readonly Gen<string> GlobText = Gen.String[Gen.Char["ab.*?[]!^-\\/ #"], 0, 24];
    private static readonly Gen<string> PathText = Gen.String[Gen.Char["ab.[]*\\/ #-"], 0, 40];

    [Fact]
    public void Glob_never_throws()
    {
        Gen.Select(GlobText, PathText, Gen.Bool).Sample((pattern, path, ignoreCase) =>
        {
            var g = new Glob(pattern, ignoreCase);
            _ = g.IsMatch(path);
            _ = Glob.MatchSegment(pattern, path, ignoreCase);
            _ = g.IsLiteral;
        }, iter: 100_000, time: 3);
    }

    [Fact]
    public void IgnoreFile_never_throws()
    {
        var lines = Gen.String[Gen.Char["ab.*?[]!^-\\/ #\r"], 0, 16].Array[0, 8].Select(a => string.Join("\n", a));
        Gen.Select(lines, PathText, Gen.Bool).Sample((text, path, isDir) =>
        {
            var f = new IgnoreFile("", text, ".gitignore");
            var nested = new IgnoreFile("a", text, "a/.gitignore");
            var stack = IgnoreStack.Empty.Push(f).Push(nested);
            _ = stack.IsIgnored(path.Trim('/'), isDir);
        }, iter: 50_000, time: 3);
    }

    [Fact]
    public void ReadIndex_random_bytes_only_throw_InvalidDataException()
    {
        var header = Gen.Select(Gen.UInt[2, 4], Gen.UInt[0, 40]).Select((v, n) => new byte[]
        {
            (byte)'D', (byte)'I', (byte)'R', (byte)'C', 0, 0, 0, (byte)v, 0, 0, 0, (byte)n,
        });
        // Bodies biased towards what an index holds: NULs, flag bytes with the extended bit, ASCII path bytes.
        var body = Gen.Frequency((3, Gen.Byte), (2, Gen.Const((byte)0)), (1, Gen.Const((byte)0x40)), (1, Gen.Const((byte)0xFF)),
            (2, Gen.Byte[(byte)'a', (byte)'z'])).Array[0, 600];
        var data = Gen.Frequency(
            (4, Gen.Select(header, body).Select((h, b) => h.Concat(b).ToArray())),
            (1, Gen.Byte.Array[0, 100]));
        data.Sample(bytes =>
        {
            foreach (int hashSize in new[] { 20, 32 })
            {
                try
                {
                    GitRepository.ReadIndex(bytes, "index", hashSize);
                }
                catch (InvalidDataException)
                {
                }
            }
        }, iter: 200_000, time: 4);
    }
}
