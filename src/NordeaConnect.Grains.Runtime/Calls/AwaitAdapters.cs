namespace NordeaConnect.Grains.Runtime.Calls;

/// <summary>Turns the four allowed return types into one <see cref="ValueTask{TResult}"/> shape, and back for the caller.</summary>
internal static class AwaitAdapters
{
    public static ValueTask<VoidResult> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitTask(task);

    public static ValueTask<VoidResult> FromValueTask(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : AwaitValueTask(task);

    public static ValueTask<TResult> FromTaskOfT<TResult>(Task<TResult> task) => new(task);

    public static object ToValueTask(Task<VoidResult> completion) => new ValueTask(completion);

    public static object ToValueTaskOfT<TResult>(Task<TResult> completion) => new ValueTask<TResult>(completion);

    private static async ValueTask<VoidResult> AwaitTask(Task task)
    {
        await task.ConfigureAwait(false);
        return default;
    }

    private static async ValueTask<VoidResult> AwaitValueTask(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return default;
    }
}
