/**
 * A tree of words: each node stands for the sequence of words on the way to it from the root, and may hold a
 * value for that sequence. Looking a sequence up costs one map look-up per word, however many sequences share
 * its beginning, and no key string is built for it.
 */
export class WordTree<T> {
  value: T | undefined = undefined;
  private readonly children = new Map<string, WordTree<T>>();

  /** The node for this node's sequence followed by `word`, if it was grown. */
  next(word: string): WordTree<T> | undefined {
    return this.children.get(word);
  }

  /** The same, grown when missing. */
  grow(word: string): WordTree<T> {
    let child = this.children.get(word);
    if (child === undefined) {
      child = new WordTree<T>();
      this.children.set(word, child);
    }
    return child;
  }
}
