package org.storeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.storeline.core.error.ErrorCode;

/**
 * A state machine's transition table as a test writes it down (docs/ARCHITECTURE.md, convention 4): one row per
 * (state, event), with the next state or the error that refuses the event. The status tests walk it.
 */
public final class TransitionTable<S extends Enum<S>, E extends Enum<E>> {
    private final Class<S> states;
    private final Class<E> events;
    private final BiFunction<S, E, S> machine;
    private final List<Row<S, E>> rows = new ArrayList<>();

    /** One cell of the table: the next state, or the error that refuses the event. */
    public record Row<S, E>(S from, E event, S to, ErrorCode refusal) {
        @Override
        public String toString() {
            return from + " --" + event + "--> " + (to != null ? to : refusal);
        }
    }

    public TransitionTable(Class<S> states, Class<E> events, BiFunction<S, E, S> machine) {
        this.states = states;
        this.events = events;
        this.machine = machine;
    }

    public TransitionTable<S, E> to(S from, E event, S to) {
        rows.add(new Row<>(from, event, to, null));
        return this;
    }

    public TransitionTable<S, E> refused(S from, E event, ErrorCode code) {
        rows.add(new Row<>(from, event, null, code));
        return this;
    }

    public List<Row<S, E>> rows() {
        return List.copyOf(rows);
    }

    /** Whether the table lets the state take some event: a terminal state takes none. */
    public boolean acceptsSomeEvent(S state) {
        return rows.stream().anyMatch(row -> row.from() == state && row.to() != null);
    }

    public void assertOneRowForEveryStateAndEvent() {
        Map<String, Long> perPair = rows.stream()
                .collect(Collectors.groupingBy(row -> row.from() + "/" + row.event(), Collectors.counting()));

        assertThat(perPair).hasSize(states.getEnumConstants().length * events.getEnumConstants().length);
        assertThat(perPair.values()).containsOnly(1L);
    }

    public void assertFollowed(Row<S, E> row) {
        if (row.to() != null) {
            assertThat(machine.apply(row.from(), row.event())).isEqualTo(row.to());
        } else {
            assertRefused(row.refusal(), () -> machine.apply(row.from(), row.event()));
        }
    }
}
