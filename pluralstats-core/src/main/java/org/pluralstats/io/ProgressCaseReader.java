package org.pluralstats.io;

import org.pluralstats.Progress;

/**
 * A {@link CaseReader} that reports progress to a {@link Progress.Task} every 4096 cases; when it owns the
 * task, closing the reader ends the task too.
 */
final class ProgressCaseReader implements CaseReader {
    private final CaseReader in;
    private final Progress.Task task;
    private final boolean ownsTask;
    private long cases;

    ProgressCaseReader(CaseReader in, Progress.Task task) {
        this(in, task, false);
    }

    ProgressCaseReader(CaseReader in, Progress.Task task, boolean ownsTask) {
        this.in = in;
        this.task = task;
        this.ownsTask = ownsTask;
    }

    @Override
    public java.util.List<ReadWarning> warnings() {
        return in.warnings();
    }

    @Override
    public FileDictionary dictionary() {
        return in.dictionary();
    }

    @Override
    public void select(int[] variableIndexes) {
        in.select(variableIndexes);
    }

    @Override
    public boolean next() {
        boolean more = in.next();
        if (more && (++cases & 4095) == 0) {
            task.advance(cases);
        }
        return more;
    }

    /** Delegates the batch (the wrapped reader's fast column path) and reports after each one. */
    @Override
    public int nextBatch(CaseBatch batch) {
        int n = in.nextBatch(batch);
        long before = cases;
        cases += n;
        if (n > 0 && (before >> 12) != (cases >> 12)) {
            task.advance(cases);
        }
        return n;
    }

    @Override
    public long estimatedRows() {
        return in.estimatedRows();
    }

    @Override
    public long caseIndex() {
        return in.caseIndex();
    }

    @Override
    public double number(int variable) {
        return in.number(variable);
    }

    @Override
    public char missingTag(int variable) {
        return in.missingTag(variable);
    }

    @Override
    public String string(int variable) {
        return in.string(variable);
    }

    @Override
    public void close() {
        try {
            in.close();
        } finally {
            if (ownsTask) {
                task.close();
            }
        }
    }
}
