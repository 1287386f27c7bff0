using NordeaConnect.Client;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Operations;

/// <summary>What the transaction's grain derived from its journal: authorized, captured and refunded so far.</summary>
public sealed record TransactionBalances(Amount Authorized, Amount Captured, Amount Refunded);

/// <summary>A transaction as its grain holds it; <see cref="Balances"/> when the grain shares what it derived.</summary>
public sealed record TransactionView(Transaction Transaction, TransactionBalances? Balances, EntityChange Change);
