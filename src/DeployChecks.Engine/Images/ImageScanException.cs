using System;

namespace DeployChecks.Engine.Images;

/// <summary>An image that cannot be scanned: unreadable, malformed or hostile. The message names the archive and, when
/// one is to blame, the entry; nothing has been written anywhere.</summary>
public sealed class ImageScanException : Exception
{
    public ImageScanException(string errorId, string message, string? entry = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Entry = entry;
    }

    /// <summary>One of <see cref="ImageErrors"/>.</summary>
    public string ErrorId { get; }

    /// <summary>The archive entry or blob at fault, when one is.</summary>
    public string? Entry { get; }
}

/// <summary>Stable error IDs of image scans (the cmdlet maps them onto its error records).</summary>
public static class ImageErrors
{
    public const string NotFound = "ImageNotFound";
    public const string Unsupported = "ImageFormatUnsupported";
    public const string Malformed = "ImageMalformed";
    public const string Hostile = "ImageArchiveUnsafe";
    public const string TooLarge = "ImageTooLarge";
    public const string Truncated = "ImageTruncated";
    public const string PlatformNotFound = "ImagePlatformNotFound";
    public const string Ambiguous = "ImageReferenceAmbiguous";
}
