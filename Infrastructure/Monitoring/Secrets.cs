using HelpdeskBot.Domain.Monitoring;

namespace HelpdeskBot.Infrastructure.Monitoring;

/// <summary>Reads the secret a <see cref="SecretReference"/> points at. The value is used at once and never logged or stored.</summary>
public static class Secrets
{
    /// <summary>The secret, or null with the reason it could not be had.</summary>
    public static (string? Value, string? Problem) Resolve(SecretReference reference)
    {
        if (reference.IsEnvironment)
        {
            var value = Environment.GetEnvironmentVariable(reference.Value);
            return string.IsNullOrEmpty(value) ? (null, $"environment variable {reference.Value} is not set") : (value, null);
        }

        try
        {
            var text = File.ReadAllText(reference.Value).TrimEnd('\r', '\n');
            return text.Length == 0 ? (null, $"secret file {reference.Value} is empty") : (text, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"secret file {reference.Value} cannot be read: {ex.Message}");
        }
    }
}
