namespace NordeaConnect.Grains.Runtime.Calls;

internal enum ReturnShape
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
