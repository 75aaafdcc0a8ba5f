package org.storeline.core;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The checks every state machine's test makes (docs/ARCHITECTURE.md, convention 4): its transition table names each
 * (state, event) pair exactly once, and the machine follows every row. A subclass gives the table and adds
 * what is particular to its machine.
 */
public abstract class StateMachineTest<S extends Enum<S>, E extends Enum<E>> {

    protected abstract TransitionTable<S, E> table();

    @Test
    void theTableHasExactlyOneRowForEveryStateAndEvent() {
        table().assertOneRowForEveryStateAndEvent();
    }

    @TestFactory
    Stream<DynamicTest> followsTheTransitionTable() {
        return table().rows().stream()
                .map(row -> DynamicTest.dynamicTest(row.toString(), () -> table().assertFollowed(row)));
    }
}
