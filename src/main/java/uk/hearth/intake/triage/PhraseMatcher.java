package uk.hearth.intake.triage;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.hearth.intake.triage.Phrase.Element;

/**
 * Every phrase of every list, compiled into one automaton of words (see {@link PhraseNode}), so a message is
 * read once, word by word, whatever the number of lists: from each word, the automaton is walked as far as
 * the sentence allows and every list whose phrase ends there records a match. No regular expressions.
 */
final class PhraseMatcher {

    /** A phrase that would need more than this many new nodes is almost certainly a mistake. */
    static final int MAX_NODES_PER_PHRASE = 200_000;

    private final PhraseNode root = new PhraseNode(null);
    private final PhraseNode sentenceStart = new PhraseNode(null);
    private int budget;
    private boolean compacted;

    /**
     * Once every phrase is added: each node's word and prefix edges are put in immutable maps, which take about a
     * third of the memory of the growable ones the building needs (the shipped lists have some 230,000 word edges).
     * Nothing can be added afterwards.
     */
    PhraseMatcher compact() {
        Set<PhraseNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<PhraseNode> todo = new ArrayDeque<>(List.of(root, sentenceStart));
        while (!todo.isEmpty()) {
            PhraseNode node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node.words != null) {
                node.words = Map.copyOf(node.words);
                node.words.forEach((word, targets) -> todo.addAll(Arrays.asList(targets)));
            }
            if (node.prefixes != null) {
                Map<String, List<PhraseNode.PrefixEdge>> prefixes = new HashMap<>();
                node.prefixes.forEach((key, edges) -> prefixes.put(key, List.copyOf(edges)));
                node.prefixes = Map.copyOf(prefixes);
                node.prefixes.forEach((key, edges) -> edges.forEach(e -> todo.push(e.node())));
            }
            if (node.ranges != null) {
                node.ranges = List.copyOf(node.ranges);
                node.ranges.forEach(e -> todo.push(e.node()));
            }
            todo.addAll(Arrays.asList(node.any));
            todo.addAll(Arrays.asList(node.end));
        }
        compacted = true;
        return this;
    }

    /** Adds one parsed phrase as entry number {@code list}; the {@link Lexicon} maps entries to lists and languages. */
    void add(int list, List<Element> phrase) {
        if (compacted) {
            throw new IllegalStateException("the automaton is compacted; no phrase can be added");
        }
        boolean anchored = phrase.get(0) instanceof Phrase.SentenceStart;
        budget = MAX_NODES_PER_PHRASE;
        List<PhraseNode> from = List.of(anchored ? sentenceStart : root);
        for (PhraseNode end : insert(from, anchored ? phrase.subList(1, phrase.size()) : phrase)) {
            end.accept(list);
        }
    }

    private List<PhraseNode> insert(List<PhraseNode> from, List<Element> sequence) {
        List<PhraseNode> current = from;
        for (Element element : sequence) {
            current = step(current, element);
        }
        return current;
    }

    private List<PhraseNode> step(List<PhraseNode> current, Element element) {
        if (element instanceof Phrase.Word w) {
            return follow(current, PhraseNode.words(w.word()));
        } else if (element instanceof Phrase.Prefix p) {
            return follow(current, PhraseNode.prefix(p.prefix()));
        } else if (element instanceof Phrase.AnyWord) {
            return follow(current, PhraseNode.ANY);
        } else if (element instanceof Phrase.NumberRange r) {
            return follow(current, PhraseNode.range(r.low(), r.high()));
        } else if (element instanceof Phrase.SentenceEnd) {
            return follow(current, PhraseNode.END);
        } else if (element instanceof Phrase.Gap g) {
            Set<PhraseNode> reach = new LinkedHashSet<>(current);
            List<PhraseNode> frontier = current;
            for (int k = 0; k < g.max(); k++) {
                frontier = follow(frontier, PhraseNode.ANY);
                reach.addAll(frontier);
            }
            return List.copyOf(reach);
        } else if (element instanceof Phrase.Choice c) {
            Set<PhraseNode> ends = new LinkedHashSet<>();
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
    private List<PhraseNode> follow(List<PhraseNode> current, PhraseNode.EdgeKind kind) {
        if (current.size() == 1) {
            PhraseNode from = current.get(0);
            for (PhraseNode target : kind.targets(from)) {
                if (target.owner == from) {
                    return List.of(target);
                }
            }
            PhraseNode child = newNode(from);
            kind.add(from, child);
            return List.of(child);
        }
        PhraseNode join = newNode(null);
        for (PhraseNode from : current) {
            kind.add(from, join);
        }
        return List.of(join);
    }

    private PhraseNode newNode(PhraseNode owner) {
        if (--budget < 0) {
            throw new Phrase.SyntaxException("the phrase has too many combinations; split it into several phrases");
        }
        return new PhraseNode(owner);
    }


    /**
     * Every match of every list in the message.
     *
     * @param listOf        entry number to list number
     * @param languageBitOf entry number to its language's bit; entries outside {@code languages} are ignored
     */
    PhraseMatches match(Tokens tokens, int lists, int[] listOf, int[] languageBitOf, int languages) {
        PhraseMatches matches = new PhraseMatches(lists, listOf, languageBitOf, languages);
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
                    PhraseNode n = active.nodes[a];
                    if (n.words != null) {
                        PhraseNode[] targets = n.words.get(word);
                        if (targets != null) {
                            next.addAll(targets);
                        }
                    }
                    if (n.prefixes != null && word.length() >= Phrase.MIN_PREFIX) {
                        List<PhraseNode.PrefixEdge> bucket = n.prefixes.get(word.substring(0, Phrase.MIN_PREFIX));
                        if (bucket != null) {
                            for (PhraseNode.PrefixEdge e : bucket) {
                                if (word.startsWith(e.prefix())) {
                                    next.add(e.node());
                                }
                            }
                        }
                    }
                    next.addAll(n.any);
                    if (n.ranges != null) {
                        long value = numberValue(word);
                        for (PhraseNode.RangeEdge e : n.ranges) {
                            if (value >= e.low() && value <= e.high()) {
                                next.add(e.node());
                            }
                        }
                    }
                }
                boolean sentenceEnds = tokens.endsSentence(j);
                for (int p = 0; p < next.size; p++) {
                    PhraseNode n = next.nodes[p];
                    if (n.accepts != null) {
                        matches.add(n.accepts, i, j + 1);
                    }
                    if (sentenceEnds) {
                        for (PhraseNode e : n.end) {
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
        PhraseNode[] nodes = new PhraseNode[32];
        int size;

        void clear() {
            size = 0;
        }

        void add(PhraseNode node) {
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

        void addAll(PhraseNode[] more) {
            for (PhraseNode node : more) {
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
}
