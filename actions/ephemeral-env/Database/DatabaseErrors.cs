using System.Net.Sockets;
using Npgsql;

namespace Bookiji.Actions.EphemeralEnv.Database;

/// <summary>Turns database failures into messages that name the cause and the fix, and never the password.</summary>
public static class DatabaseErrors
{
    /// <summary>Whether <paramref name="exception"/> is a database or network failure this module explains.</summary>
    public static bool IsDatabaseFailure(Exception exception) =>
        exception is NpgsqlException or SocketException or TimeoutException;

    /// <summary>A one-line explanation.</summary>
    public static string Describe(Exception exception, DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(target);
        var where = target.Display;
        var user = target.Builder.Username;
        return exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
                $"PostgreSQL at {where} refused user '{user}': wrong password or no access (check the database-url secret).",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                $"PostgreSQL at {where}: the database does not exist (check the database name in database-url).",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } pg =>
                $"PostgreSQL at {where}: user '{user}' lacks a privilege ({pg.MessageText}). Grant CREATE on the database (and CREATEROLE for create-role: true).",
            PostgresException pg => $"PostgreSQL at {where} failed: {pg.SqlState} {pg.MessageText}.",
            _ when Find<SocketException>(exception) is { } socket =>
                $"Could not connect to PostgreSQL at {where}: {socket.SocketErrorCode} ({socket.Message}). Is the server up and reachable from the runner?",
            _ when Find<TimeoutException>(exception) is not null =>
                $"PostgreSQL at {where} did not answer in time (timeout). Is the server reachable from the runner?",
            _ => $"PostgreSQL at {where} failed: {exception.Message}",
        };
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T match)
            {
                return match;
            }
        }

        return null;
    }
}
