using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>How a command ended. <see cref="StartError"/> is set when it could not start at all (not installed).</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, string? StartError)
{
    public bool Succeeded => StartError is null && !TimedOut && ExitCode == 0;

    /// <summary>The last lines of standard error, for an unreadable reason; never the whole output.</summary>
    public string ErrorSummary(int maxLength = 400)
    {
        if (StartError is not null)
        {
            return StartError;
        }

        var text = StandardError.Trim();
        if (text.Length == 0)
        {
            text = TimedOut ? string.Empty : "exit code " + ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return text.Length <= maxLength ? text : "…" + text[^maxLength..];
    }
}

/// <summary>A command to run: the program, its arguments (each passed as is, never through a shell) and extra environment variables.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Environment, TimeSpan Timeout);

public interface IProcessRunner
{
    Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken ct = default);
}

/// <summary>
/// Runs a command with its standard input closed (so a password prompt gets end-of-file instead of waiting), captures standard
/// output and error (bounded), and on timeout or cancellation kills the whole process tree.
/// </summary>
public sealed class ProcessRunner : IProcessRunner
{
    private const int MaxCapture = 8 * 1024 * 1024;

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var info = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        using var process = new Process { StartInfo = info };
        var stdout = new BoundedBuffer(MaxCapture);
        var stderr = new BoundedBuffer(MaxCapture);
        process.OutputDataReceived += (_, e) => stdout.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => stderr.AppendLine(e.Data);
        try
        {
            if (!process.Start())
            {
                return new ProcessResult(-1, string.Empty, string.Empty, false, spec.FileName + " did not start");
            }
        }
        catch (Win32Exception ex)
        {
            return new ProcessResult(-1, string.Empty, string.Empty, false, $"{spec.FileName} cannot be run: {ex.Message}");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(spec.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            timedOut = !ct.IsCancellationRequested;
            if (!timedOut)
            {
                throw;
            }
        }

        // Drains the asynchronous readers once the process is gone (or killed).
        using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await process.WaitForExitAsync(drain.Token);
            }
            catch (OperationCanceledException)
            {
                // The tree did not die in time: report what we have.
            }
        }

        var exitCode = process.HasExited ? process.ExitCode : -1;
        var error = stderr.ToString();
        if (timedOut)
        {
            error = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"timed out after {spec.Timeout.TotalSeconds:0.#} s. {error}").Trim();
        }

        return new ProcessResult(exitCode, stdout.ToString(), error, timedOut, null);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
        catch (Win32Exception)
        {
            // Not ours to kill any more.
        }
    }

    private sealed class BoundedBuffer(int max)
    {
        private readonly StringBuilder text = new();
        private readonly Lock gate = new();

        public void AppendLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                if (text.Length + line.Length + 1 <= max)
                {
                    text.Append(line).Append('\n');
                }
            }
        }

        public override string ToString()
        {
            lock (gate)
            {
                return text.ToString();
            }
        }
    }
}
