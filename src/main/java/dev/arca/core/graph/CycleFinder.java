package dev.arca.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The cycles of a directed graph: Tarjan's strongly connected components with more than one node, or one node that
 * points to itself. Iterative, so a long chain of repositories cannot overflow the stack.
 */
final class CycleFinder {

    private final Collection<String> nodes;
    private final Function<String, List<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<List<String>> found = new ArrayList<>();
    private int counter;

    /** @param edges the nodes each node points to */
    CycleFinder(Collection<String> nodes, Function<String, List<String>> edges) {
        this.nodes = nodes;
        this.edges = edges;
    }

    List<List<String>> find() {
        for (String name : nodes) {
            if (!index.containsKey(name)) {
                visit(name);
            }
        }
        found.sort(java.util.Comparator.comparing(c -> c.getFirst()));
        return List.copyOf(found);
    }

    private void visit(String root) {
        record Frame(String node, List<String> next, int at) {
        }
        Deque<Frame> frames = new ArrayDeque<>();
        open(root);
        frames.push(new Frame(root, edges.apply(root), 0));
        while (!frames.isEmpty()) {
            Frame frame = frames.pop();
            if (frame.at() < frame.next().size()) {
                frames.push(new Frame(frame.node(), frame.next(), frame.at() + 1));
                String next = frame.next().get(frame.at());
                if (!index.containsKey(next)) {
                    open(next);
                    frames.push(new Frame(next, edges.apply(next), 0));
                } else if (onStack.contains(next)) {
                    low.merge(frame.node(), index.get(next), Math::min);
                }
                continue;
            }
            if (low.get(frame.node()).equals(index.get(frame.node()))) {
                close(frame.node());
            }
            if (!frames.isEmpty()) {
                low.merge(frames.peek().node(), low.get(frame.node()), Math::min);
            }
        }
    }

    private void open(String node) {
        index.put(node, counter);
        low.put(node, counter);
        counter++;
        stack.push(node);
        onStack.add(node);
    }

    private void close(String root) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
            member = stack.pop();
            onStack.remove(member);
            component.add(member);
        } while (!member.equals(root));
        if (component.size() > 1 || edges.apply(root).contains(root)) {
            found.add(List.copyOf(component));
        }
    }
}
