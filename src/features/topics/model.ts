import type { IndexedCard } from '../../core/cards/cardIndex';
import type { Domain, Pack, Topic } from '../../core/content/model';

/** Tree elements are plain data; the provider turns them into TreeItems. */
export type TopicsElement =
  | { readonly kind: 'pack'; readonly pack: Pack }
  | { readonly kind: 'domain'; readonly pack: Pack; readonly domain: Domain }
  | { readonly kind: 'topic'; readonly topic: Topic; readonly pack: Pack }
  | { readonly kind: 'action'; readonly topic: Topic; readonly action: 'notes' | 'quiz' }
  /** "Your notes": the decks of flashcards in the workspace's Markdown notes. */
  | { readonly kind: 'notes' }
  | { readonly kind: 'deck'; readonly deck: string; readonly cards: readonly IndexedCard[] }
  | { readonly kind: 'message'; readonly id: string; readonly label: string; readonly tooltip: string; readonly icon: string; readonly command?: string };
