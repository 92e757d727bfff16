package uk.hearth.intake.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.hearth.intake.triage.Phrase.Element;

/**
 * Every phrase of every list, compiled into one tree of words, so a message is read once, word by word,
 * whatever the number of lists: from each word, the tree is walked as far as the sentence allows and every
 * list whose phrase ends there records a match. No regular expressions are involved.
 */
final class PhraseMatcher {

    /** A phrase that would need more than this many new nodes is almost certainly a mistake. */
    static final int MAX_NODES_PER_PHRASE = 200_000;

    private static final Node[] NONE = new Node[0];

    /**
     * A state. Its outgoing edges may lead to several nodes for one word: phrases share their common start
     * (a trie), and the branches of an alternative rejoin in one node, so "(a|b|c) (d|e|f)" costs six edges,
     * not nine paths.
     */
    private static final class Node {
        /** The node whose edge created this one for reuse, or null for a join node no other phrase may reuse. */
        final Node owner;
        Map<String, Node[]> words;
        Map<String, List<PrefixEdge>> prefixes;
        Node[] any = NONE;
        List<RangeEdge> ranges;
        Node[] end = NONE;
        int[] accepts;

        Node(Node owner) {
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
    }

    private record PrefixEdge(String prefix, Node node) {
    }

    private record RangeEdge(long low, long high, Node node) {
    }

    /** How to follow one kind of edge while building. */
    private interface EdgeKind {
        Node[] targets(Node from);

        void add(Node from, Node to);
    }

    private final Node root = new Node(null);
    private final Node sentenceStart = new Node(null);
    private int budget;

    /** Adds one parsed phrase as entry number {@code list}; the {@link Lexicon} maps entries to lists and languages. */
    void add(int list, List<Element> phrase) {
        boolean anchored = phrase.get(0) instanceof Phrase.SentenceStart;
        budget = MAX_NODES_PER_PHRASE;
        List<Node> from = List.of(anchored ? sentenceStart : root);
        for (Node end : insert(from, anchored ? phrase.subList(1, phrase.size()) : phrase)) {
            end.accept(list);
        }
    }

    private List<Node> insert(List<Node> from, List<Element> sequence) {
        List<Node> current = from;
        for (Element element : sequence) {
            current = step(current, element);
        }
        return current;
    }

    private List<Node> step(List<Node> current, Element element) {
        if (element instanceof Phrase.Word w) {
            return follow(current, words(w.word()));
        } else if (element instanceof Phrase.Prefix p) {
            return follow(current, prefix(p.prefix()));
        } else if (element instanceof Phrase.AnyWord) {
            return follow(current, ANY);
        } else if (element instanceof Phrase.NumberRange r) {
            return follow(current, range(r.low(), r.high()));
        } else if (element instanceof Phrase.SentenceEnd) {
            return follow(current, END);
        } else if (element instanceof Phrase.Gap g) {
            Set<Node> reach = new LinkedHashSet<>(current);
            List<Node> frontier = current;
            for (int k = 0; k < g.max(); k++) {
                frontier = follow(frontier, ANY);
                reach.addAll(frontier);
            }
            return List.copyOf(reach);
        } else if (element instanceof Phrase.Choice c) {
            Set<Node> ends = new LinkedHashSet<>();
            if (c.optional()) {
                ends.addAll(current);
            }
            for (List<Element> alternative : c.alternatives()) {
                ends.addAll(insert(current, alternative));
            }
            return List.copyOf(ends);
        }
        return current;
    }

    /** One node reached by this edge from every node in {@code current}: shared if it can be, else a join. */
    private List<Node> follow(List<Node> current, EdgeKind kind) {
        if (current.size() == 1) {
            Node from = current.get(0);
            for (Node target : kind.targets(from)) {
                if (target.owner == from) {
                    return List.of(target);
                }
            }
            Node child = newNode(from);
            kind.add(from, child);
            return List.of(child);
        }
        Node join = newNode(null);
        for (Node from : current) {
            kind.add(from, join);
        }
        return List.of(join);
    }

    private Node newNode(Node owner) {
        if (--budget < 0) {
            throw new Phrase.SyntaxException("the phrase has too many combinations; split it into several phrases");
        }
        return new Node(owner);
    }

    private static Node[] plus(Node[] nodes, Node node) {
        Node[] more = Arrays.copyOf(nodes, nodes.length + 1);
        more[nodes.length] = node;
        return more;
    }

    private static EdgeKind words(String word) {
        return new EdgeKind() {
            public Node[] targets(Node from) {
                return from.words == null ? NONE : from.words.getOrDefault(word, NONE);
            }

            public void add(Node from, Node to) {
                if (from.words == null) {
                    from.words = new HashMap<>(4);
                }
                from.words.merge(word, new Node[] {to}, (old, added) -> plus(old, to));
            }
        };
    }

    private static EdgeKind prefix(String prefix) {
        return new EdgeKind() {
            public Node[] targets(Node from) {
                if (from.prefixes == null) {
                    return NONE;
                }
                return from.prefixes.getOrDefault(prefix.substring(0, Phrase.MIN_PREFIX), List.of()).stream()
                        .filter(e -> e.prefix().equals(prefix)).map(PrefixEdge::node).toArray(Node[]::new);
            }

            public void add(Node from, Node to) {
                if (from.prefixes == null) {
                    from.prefixes = new HashMap<>(4);
                }
                from.prefixes.computeIfAbsent(prefix.substring(0, Phrase.MIN_PREFIX), k -> new ArrayList<>(2))
                        .add(new PrefixEdge(prefix, to));
            }
        };
    }

    private static EdgeKind range(long low, long high) {
        return new EdgeKind() {
            public Node[] targets(Node from) {
                if (from.ranges == null) {
                    return NONE;
                }
                return from.ranges.stream().filter(e -> e.low() == low && e.high() == high).map(RangeEdge::node)
                        .toArray(Node[]::new);
            }

            public void add(Node from, Node to) {
                if (from.ranges == null) {
                    from.ranges = new ArrayList<>(2);
                }
                from.ranges.add(new RangeEdge(low, high, to));
            }
        };
    }

    private static final EdgeKind ANY = new EdgeKind() {
        public Node[] targets(Node from) {
            return from.any;
        }

        public void add(Node from, Node to) {
            from.any = plus(from.any, to);
        }
    };

    private static final EdgeKind END = new EdgeKind() {
        public Node[] targets(Node from) {
            return from.end;
        }

        public void add(Node from, Node to) {
            from.end = plus(from.end, to);
        }
    };

    /**
     * Every match of every list in the message.
     *
     * @param listOf        entry number to list number
     * @param languageBitOf entry number to its language's bit; entries outside {@code languages} are ignored
     */
    Matches match(Tokens tokens, int lists, int[] listOf, int[] languageBitOf, int languages) {
        Matches matches = new Matches(lists, listOf, languageBitOf, languages);
        Frontier active = new Frontier();
        Frontier next = new Frontier();
        for (int i = 0; i < tokens.size; i++) {
            active.clear();
            active.add(root);
            if (tokens.startsSentence(i)) {
                active.add(sentenceStart);
            }
            for (int j = i; j < tokens.size && active.size > 0; j++) {
                String word = tokens.words[j];
                next.clear();
                for (int a = 0; a < active.size; a++) {
                    Node n = active.nodes[a];
                    if (n.words != null) {
                        Node[] targets = n.words.get(word);
                        if (targets != null) {
                            next.addAll(targets);
                        }
                    }
                    if (n.prefixes != null && word.length() >= Phrase.MIN_PREFIX) {
                        List<PrefixEdge> bucket = n.prefixes.get(word.substring(0, Phrase.MIN_PREFIX));
                        if (bucket != null) {
                            for (PrefixEdge e : bucket) {
                                if (word.startsWith(e.prefix)) {
                                    next.add(e.node);
                                }
                            }
                        }
                    }
                    next.addAll(n.any);
                    if (n.ranges != null) {
                        long value = numberValue(word);
                        for (RangeEdge e : n.ranges) {
                            if (value >= e.low && value <= e.high) {
                                next.add(e.node);
                            }
                        }
                    }
                }
                boolean sentenceEnds = tokens.endsSentence(j);
                for (int p = 0; p < next.size; p++) {
                    Node n = next.nodes[p];
                    if (n.accepts != null) {
                        matches.add(n.accepts, i, j + 1);
                    }
                    if (sentenceEnds) {
                        for (Node e : n.end) {
                            if (e.accepts != null) {
                                matches.add(e.accepts, i, j + 1);
                            }
                        }
                    }
                }
                if (sentenceEnds) {
                    break;
                }
                Frontier swap = active;
                active = next;
                next = swap;
            }
        }
        return matches;
    }

    /** The nodes reached so far, each once. */
    private static final class Frontier {
        Node[] nodes = new Node[32];
        int size;

        void clear() {
            size = 0;
        }

        void add(Node node) {
            for (int k = 0; k < size; k++) {
                if (nodes[k] == node) {
                    return;
                }
            }
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            nodes[size++] = node;
        }

        void addAll(Node[] more) {
            for (Node node : more) {
                add(node);
            }
        }
    }

    private static long numberValue(String word) {
        int n = word.length();
        if (n == 0 || n > 9) {
            return -1;
        }
        long value = 0;
        for (int k = 0; k < n; k++) {
            char c = word.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Matches found in one message, by list: pairs of word positions, start inclusive, end exclusive. */
    static final class Matches {
        private final int[][] spans;
        private final int[] counts;
        private final int[] listOf;
        private final int[] languageBitOf;
        private final int languages;

        Matches(int lists, int[] listOf, int[] languageBitOf, int languages) {
            spans = new int[lists][];
            counts = new int[lists];
            this.listOf = listOf;
            this.languageBitOf = languageBitOf;
            this.languages = languages;
        }

        void add(int[] accepted, int start, int end) {
            for (int entry : accepted) {
                if ((languageBitOf[entry] & languages) == 0) {
                    continue;
                }
                int list = listOf[entry];
                int c = counts[list];
                int[] s = spans[list];
                if (s == null) {
                    s = spans[list] = new int[8];
                } else if (s[c - 2] == start && s[c - 1] == end) {
                    continue;
                } else if (c == s.length) {
                    s = spans[list] = Arrays.copyOf(s, c * 2);
                }
                s[c] = start;
                s[c + 1] = end;
                counts[list] = c + 2;
            }
        }

        int count(int list) {
            return counts[list] / 2;
        }

        int start(int list, int index) {
            return spans[list][index * 2];
        }

        int end(int list, int index) {
            return spans[list][index * 2 + 1];
        }
    }
}
