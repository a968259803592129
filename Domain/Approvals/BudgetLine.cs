using HelpdeskBot.Domain.Common;

namespace HelpdeskBot.Domain.Approvals;

/// <summary>
/// A line of the directorate's budget for a year (e.g. 06.1 capital goods): its appropriation (ödenek), what approved
/// requests have committed, and what has been paid. Remaining = appropriation − committed − spent.
/// </summary>
public sealed class BudgetLine
{
    private BudgetLine()
    {
    }

    public BudgetLine(int year, int unitId, string economicCode, string name, decimal appropriation)
    {
        if (appropriation < 0)
        {
            throw new DomainException(DomainError.AmountInvalid);
        }

        Year = year;
        UnitId = unitId;
        EconomicCode = economicCode;
        Name = name;
        Appropriation = appropriation;
    }

    public int Id { get; private set; }
    public int Year { get; private set; }

    /// <summary>The unit whose budget this is (its spending authority approves expenditures on it).</summary>
    public int UnitId { get; private set; }
    public string EconomicCode { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public decimal Appropriation { get; private set; }
    public decimal Committed { get; private set; }
    public decimal Spent { get; private set; }

    /// <summary>Optimistic concurrency token: two approvals cannot both commit the last of the money.</summary>
    public int Version { get; private set; }

    public decimal Remaining => Appropriation - Committed - Spent;

    public string Label => $"{EconomicCode} {Name}";

    /// <summary>Refuses, with the figures, an amount the line cannot carry.</summary>
    public void EnsureCovers(decimal amount)
    {
        if (amount > Remaining)
        {
            throw new BudgetExceededException(this, amount);
        }
    }

    public void Commit(decimal amount)
    {
        EnsureCovers(amount);
        Committed += amount;
        Version++;
    }

    /// <summary>Changes a commitment (e.g. to the contracted price); an increase must fit in what remains.</summary>
    public void Recommit(decimal from, decimal to)
    {
        if (to > from)
        {
            EnsureCovers(to - from);
        }

        Committed += to - from;
        Version++;
    }

    public void Release(decimal amount)
    {
        Committed = Math.Max(0, Committed - amount);
        Version++;
    }

    /// <summary>The committed amount is paid.</summary>
    public void Spend(decimal amount)
    {
        Committed = Math.Max(0, Committed - amount);
        Spent += amount;
        Version++;
    }
}

/// <summary>The amount does not fit in what is left of the budget line; carries the figures for the message.</summary>
public sealed class BudgetExceededException(BudgetLine line, decimal requested)
    : Exception($"Budget line {line.EconomicCode} cannot carry {requested}: remaining {line.Remaining}.")
{
    public string Line { get; } = line.Label;
    public decimal Requested { get; } = requested;
    public decimal Appropriation { get; } = line.Appropriation;
    public decimal Committed { get; } = line.Committed;
    public decimal Spent { get; } = line.Spent;
    public decimal Remaining { get; } = line.Remaining;
}
