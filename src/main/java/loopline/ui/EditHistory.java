package loopline.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Undo and redo as two stacks of whole states (immutable, so a state is never changed under the stack).
 *
 * <p>One rule makes a slider drag one step rather than a hundred: an edit of the same gesture key as the edit
 * before it (the view-model gives numeric fields one, so sliders and held arrow keys), made within
 * {@link #BURST_MILLIS} of it, joins that edit's step. A drag sends an edit every frame, so it is one step however
 * long it lasts; an edit of another field, a pause, an edit without a key (a click), or an undo starts a new step.
 */
final class EditHistory<S> {
    /** How long after an edit another edit of the same field still counts as the same gesture. */
    static final long BURST_MILLIS = 1000;
    /** Steps kept; the oldest go first. A state is a few small immutable objects, so this is a day's workshop. */
    static final int LIMIT = 500;

    private final Deque<S> undo = new ArrayDeque<>();
    private final Deque<S> redo = new ArrayDeque<>();
    private final LongSupplier clockMillis;
    private Object lastKey;
    private long lastAt;

    /** @param clockMillis the time in milliseconds (System::currentTimeMillis; a fake clock in tests) */
    EditHistory(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    /**
     * Records that an edit of {@code key} is about to replace {@code before}. A null key never joins another edit
     * (a reset, a model switch from a file).
     */
    void recordEdit(S before, Object key) {
        long now = clockMillis.getAsLong();
        boolean sameGesture = key != null && Objects.equals(key, lastKey) && now - lastAt <= BURST_MILLIS && !undo.isEmpty();
        if (!sameGesture) {
            undo.push(before);
            if (undo.size() > LIMIT) {
                undo.removeLast();
            }
        }
        redo.clear();
        lastKey = key;
        lastAt = now;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The state before the last step; {@code current} becomes redoable. Call only when {@link #canUndo()}. */
    S undo(S current) {
        redo.push(current);
        lastKey = null;
        return undo.pop();
    }

    /** The state the last undo left; {@code current} becomes undoable again. Call only when {@link #canRedo()}. */
    S redo(S current) {
        undo.push(current);
        lastKey = null;
        return redo.pop();
    }

    void clear() {
        undo.clear();
        redo.clear();
        lastKey = null;
    }
}
