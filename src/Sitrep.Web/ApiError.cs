namespace Sitrep.Web;

/// <summary>A request the API refuses, with the status and the sentence the client sees.</summary>
public sealed class ApiError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
    public static ApiError NotFound(string message) => new(StatusCodes.Status404NotFound, message);
}
