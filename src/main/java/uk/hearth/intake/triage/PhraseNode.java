package uk.hearth.intake.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A state of the {@link PhraseMatcher} automaton and its edges. Its outgoing edges may lead to several nodes
 * for one word: phrases share their common start (a trie), and the branches of an alternative rejoin in one
 * node, so "(a|b|c) (d|e|f)" costs six edges, not nine paths.
 */
final class PhraseNode {

    static final PhraseNode[] NONE = new PhraseNode[0];

    /** The node whose edge created this one for reuse, or null for a join node no other phrase may reuse. */
    final PhraseNode owner;
    Map<String, PhraseNode[]> words;
    Map<String, List<PrefixEdge>> prefixes;
    PhraseNode[] any = NONE;
    List<RangeEdge> ranges;
    PhraseNode[] end = NONE;
    int[] accepts;

    PhraseNode(PhraseNode owner) {
        this.owner = owner;
    }

    void accept(int list) {
        if (accepts == null) {
            accepts = new int[] {list};
        } else if (Arrays.stream(accepts).noneMatch(a -> a == list)) {
            accepts = Arrays.copyOf(accepts, accepts.length + 1);
            accepts[accepts.length - 1] = list;
        }
    }

    record PrefixEdge(String prefix, PhraseNode node) {
    }

    record RangeEdge(long low, long high, PhraseNode node) {
    }

    /** One kind of edge (a word, a prefix, any word, a number range, the end of a sentence), for building. */
    interface EdgeKind {
        PhraseNode[] targets(PhraseNode from);

        void add(PhraseNode from, PhraseNode to);
    }

    static PhraseNode[] plus(PhraseNode[] nodes, PhraseNode node) {
        PhraseNode[] more = Arrays.copyOf(nodes, nodes.length + 1);
        more[nodes.length] = node;
        return more;
    }

    static EdgeKind words(String word) {
        return new EdgeKind() {
            public PhraseNode[] targets(PhraseNode from) {
                return from.words == null ? NONE : from.words.getOrDefault(word, NONE);
            }

            public void add(PhraseNode from, PhraseNode to) {
                if (from.words == null) {
                    from.words = new HashMap<>(4);
                }
                from.words.merge(word, new PhraseNode[] {to}, (old, added) -> plus(old, to));
            }
        };
    }

    static EdgeKind prefix(String prefix) {
        return new EdgeKind() {
            public PhraseNode[] targets(PhraseNode from) {
                if (from.prefixes == null) {
                    return NONE;
                }
                return from.prefixes.getOrDefault(prefix.substring(0, Phrase.MIN_PREFIX), List.of()).stream()
                        .filter(e -> e.prefix().equals(prefix)).map(PrefixEdge::node).toArray(PhraseNode[]::new);
            }

            public void add(PhraseNode from, PhraseNode to) {
                if (from.prefixes == null) {
                    from.prefixes = new HashMap<>(4);
                }
                from.prefixes.computeIfAbsent(prefix.substring(0, Phrase.MIN_PREFIX), k -> new ArrayList<>(2))
                        .add(new PrefixEdge(prefix, to));
            }
        };
    }

    static EdgeKind range(long low, long high) {
        return new EdgeKind() {
            public PhraseNode[] targets(PhraseNode from) {
                if (from.ranges == null) {
                    return NONE;
                }
                return from.ranges.stream().filter(e -> e.low() == low && e.high() == high).map(RangeEdge::node)
                        .toArray(PhraseNode[]::new);
            }

            public void add(PhraseNode from, PhraseNode to) {
                if (from.ranges == null) {
                    from.ranges = new ArrayList<>(2);
                }
                from.ranges.add(new RangeEdge(low, high, to));
            }
        };
    }

    static final EdgeKind ANY = new EdgeKind() {
        public PhraseNode[] targets(PhraseNode from) {
            return from.any;
        }

        public void add(PhraseNode from, PhraseNode to) {
            from.any = plus(from.any, to);
        }
    };

    static final EdgeKind END = new EdgeKind() {
        public PhraseNode[] targets(PhraseNode from) {
            return from.end;
        }

        public void add(PhraseNode from, PhraseNode to) {
            from.end = plus(from.end, to);
        }
    };
}
