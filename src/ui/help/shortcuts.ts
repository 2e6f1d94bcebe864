/** The page's keyboard shortcuts, as the help lists them; the keys themselves are bound where they act. */
export const SHORTCUTS: readonly { keys: readonly string[]; does: string }[] = [
  { keys: ['→', '←'], does: 'next or previous step (a message or a state change)' },
  { keys: ['↓', '↑'], does: 'next or previous message' },
  { keys: ['Space'], does: 'play or pause' },
  { keys: ['Home', 'End'], does: 'jump to the first or the last step' },
  { keys: ['Tab', 'Enter'], does: 'reach a ladder arrow and select its message' },
  { keys: ['Ctrl', 'F'], does: 'search the log (in the log pane); a hit selects its message' },
  { keys: ['Ctrl', 'wheel'], does: 'zoom the ladder about the pointer (pinch on a trackpad)' },
  { keys: ['?'], does: 'open this list' },
  { keys: ['Esc'], does: 'close it' },
];
