using System;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DeployChecks.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) serving an OSV export zip the way OSV's bucket does: ETag and
/// Last-Modified on 200, 304 for a matching If-None-Match. It can also cut a response short, stall, or serve
/// garbage. Only loopback; it serves until disposed. Shared by the engine and module tests (linked source).
/// </summary>
public sealed class LocalOsvServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public LocalOsvServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

    /// <summary>The export's URL.</summary>
    public string Url => $"http://127.0.0.1:{Port}/PyPI/all.zip";

    public byte[] Body { get; set; } = FixtureZip();

    public string ETag { get; set; } = "\"v1\"";

    public DateTimeOffset LastModified { get; set; } = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Send only the first half of the body after announcing its full length, then abort.</summary>
    public bool Truncate { get; set; }

    /// <summary>Accept the request and never answer (until disposed).</summary>
    public bool Stall { get; set; }

    /// <summary>Answer with this status and no body.</summary>
    public int? Status { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public string? LastIfNoneMatch { get; private set; }

    public string? LastUserAgent { get; private set; }

    /// <summary>A port nobody listens on (bound once by the OS, then released): connecting to it is refused.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>A small OSV PyPI export: the committed fixture advisories as JSON entries (flask and django).</summary>
    public static byte[] FixtureZip(int extraAdvisories = 0)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "PYSEC-2023-TEST3.json",
                """{"id":"PYSEC-2023-TEST3","summary":"Session cookie caching on proxies","aliases":["CVE-2023-30861"],"affected":[{"package":{"name":"flask","ecosystem":"PyPI"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.2.5"},{"introduced":"2.3.0"},{"fixed":"2.3.2"}]}]}]}""");
            Add(zip, "PYSEC-2023-TEST1.json",
                """{"id":"PYSEC-2023-TEST1","summary":"Denial of service in multipart parsing","aliases":["CVE-2023-24580"],"severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],"affected":[{"package":{"name":"Django","ecosystem":"PyPI"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.2.18"},{"introduced":"4.0"},{"fixed":"4.0.10"},{"introduced":"4.1"},{"fixed":"4.1.7"}]}]}]}""");
            for (int i = 0; i < extraAdvisories; i++)
            {
                Add(zip, $"PYSEC-2026-X{i}.json",
                    $$"""{"id":"PYSEC-2026-X{{i}}","affected":[{"package":{"name":"pkg{{i}}","ecosystem":"PyPI"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0"}]}]}]}""");
            }
        }
        return ms.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string json)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(json);
    }

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => Handle(context));
        }
    }

    private async Task Handle(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        var response = context.Response;
        try
        {
            LastIfNoneMatch = context.Request.Headers["If-None-Match"];
            LastUserAgent = context.Request.UserAgent;
            if (Stall)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
            }
            if (Status is { } status)
            {
                response.StatusCode = status;
                response.Close();
                return;
            }
            if (LastIfNoneMatch == ETag)
            {
                response.StatusCode = 304;
                response.Close();
                return;
            }
            response.StatusCode = 200;
            response.ContentType = "application/zip";
            response.Headers["ETag"] = ETag;
            response.Headers["Last-Modified"] = LastModified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            response.ContentLength64 = Body.Length;
            if (Truncate)
            {
                await response.OutputStream.WriteAsync(Body, 0, Body.Length / 2).ConfigureAwait(false);
                await response.OutputStream.FlushAsync().ConfigureAwait(false);
                response.Abort();
                return;
            }
            await response.OutputStream.WriteAsync(Body, 0, Body.Length).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception)
        {
            // The client went away (timeout test) or the server is stopping.
            try
            {
                response.Abort();
            }
            catch (Exception)
            {
                // Already gone.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
        }
        _stop.Dispose();
    }
}
