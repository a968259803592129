using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HelpdeskBot.Infrastructure.Monitoring;

public enum PictureState
{
    Moving = 0,
    Black = 1,
    Frozen = 2,

    /// <summary>ffmpeg is not installed, or it could not decode a picture.</summary>
    Unchecked = 3,
}

public sealed record PictureVerdict(PictureState State, string Detail, double AnalysedSeconds);

/// <summary>
/// Grabs a few seconds of a stream with ffmpeg and runs its <c>blackdetect</c> and <c>freezedetect</c> filters: a picture black or
/// unchanged for most of the time analysed is reported. ffmpeg reads the stream over TCP with its own I/O timeout, and the whole run
/// has a timeout after which it is killed.
/// </summary>
public sealed partial class PictureAnalyzer(IProcessRunner runner, IOptions<MonitoringOptions> options)
{
    private readonly Lazy<bool> installed = new(() => FindOnPath(options.Value.Cameras.FfmpegPath));

    public bool IsAvailable => installed.Value;

    public async Task<PictureVerdict> AnalyseAsync(Uri stream, string? secretToHide, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var o = options.Value.Cameras;
        if (!IsAvailable)
        {
            return new PictureVerdict(PictureState.Unchecked, "ffmpeg not installed: picture not checked", 0);
        }

        var seconds = o.PictureSeconds.ToString("0.##", CultureInfo.InvariantCulture);
        var freezeAfter = Math.Max(1, o.PictureSeconds / 3).ToString("0.##", CultureInfo.InvariantCulture);
        var ioTimeout = ((long)o.PictureTimeout.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
        string[] args =
        [
            "-hide_banner", "-nostdin", "-loglevel", "info",
            "-rtsp_transport", "tcp", "-timeout", ioTimeout,
            "-i", stream.AbsoluteUri,
            "-t", seconds, "-an", "-sn", "-dn",
            "-vf", $"blackdetect=d=0.5:pix_th=0.10,freezedetect=n=-60dB:d={freezeAfter}",
            "-f", "null", "-",
        ];
        var result = await runner.RunAsync(new ProcessSpec(o.FfmpegPath, args, new Dictionary<string, string?>(), o.PictureTimeout), ct);
        var analysed = AnalysedSeconds(result.StandardError);
        if (!result.Succeeded || analysed <= 0)
        {
            var reason = Hide(LastLines(result.ErrorSummary(600)), secretToHide);
            return new PictureVerdict(PictureState.Unchecked, "no picture decoded: " + reason, analysed);
        }

        return Judge(result.StandardError, analysed, o.PictureVerdictShare);
    }

    /// <summary>Reads ffmpeg's filter log. Pure, so it is tested with real ffmpeg output.</summary>
    public static PictureVerdict Judge(string ffmpegLog, double analysedSeconds, double share)
    {
        ArgumentNullException.ThrowIfNull(ffmpegLog);
        var black = BlackDuration().Matches(ffmpegLog).Sum(m => Number(m.Groups[1].Value));
        var frozen = 0.0;
        double? openFreeze = null;
        foreach (Match m in FreezeEvent().Matches(ffmpegLog))
        {
            var value = Number(m.Groups[2].Value);
            switch (m.Groups[1].Value)
            {
                case "start":
                    openFreeze = value;
                    break;
                case "duration":
                    frozen += value;
                    break;
                case "end":
                    openFreeze = null;
                    break;
            }
        }

        if (openFreeze is { } start)
        {
            // freezedetect prints no end for a freeze still going on when the input stops.
            frozen += Math.Max(0, analysedSeconds - start);
        }

        var a = analysedSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        if (black >= analysedSeconds * share)
        {
            return new PictureVerdict(PictureState.Black, string.Create(CultureInfo.InvariantCulture, $"black picture for {black:0.#} of {a} s"), analysedSeconds);
        }

        if (frozen >= analysedSeconds * share)
        {
            return new PictureVerdict(PictureState.Frozen, string.Create(CultureInfo.InvariantCulture, $"frozen picture for {frozen:0.#} of {a} s"), analysedSeconds);
        }

        return new PictureVerdict(PictureState.Moving, $"picture moving ({a} s analysed)", analysedSeconds);
    }

    /// <summary>The last <c>time=hh:mm:ss.xx</c> ffmpeg's progress printed: how much it analysed.</summary>
    public static double AnalysedSeconds(string ffmpegLog)
    {
        var last = ProgressTime().Matches(ffmpegLog ?? string.Empty).LastOrDefault();
        return last is null
            ? 0
            : (int.Parse(last.Groups[1].Value, CultureInfo.InvariantCulture) * 3600) + (int.Parse(last.Groups[2].Value, CultureInfo.InvariantCulture) * 60)
              + Number(last.Groups[3].Value);
    }

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string LastLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" ", lines.TakeLast(2));
    }

    private static string Hide(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);

    private static bool FindOnPath(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)) || File.Exists(Path.Combine(dir, program + ".exe")));
    }

    [GeneratedRegex(@"black_duration:\s*([0-9.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex BlackDuration();

    [GeneratedRegex(@"lavfi\.freezedetect\.freeze_(start|duration|end):\s*([0-9.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex FreezeEvent();

    [GeneratedRegex(@"time=(\d+):(\d{2}):(\d{2}(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex ProgressTime();
}
