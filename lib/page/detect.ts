// Page detection: pure functions of a URL, in the style of github-url-detection. Each leaf detector
// sits next to the real Hub URLs it must accept (`TEST_URLS`); the test suite checks that every
// detector accepts its own list and rejects every other list. Leaf detectors never overlap.

type UrlLike = URL | string | { href: string };

const HUB_HOST = 'huggingface.co';

function toUrl(input: UrlLike): URL | null {
  try {
    const href = typeof input === 'string' ? input : input.href;
    const url = new URL(href, `https://${HUB_HOST}/`);
    return url.hostname === HUB_HOST ? url : null;
  } catch {
    return null;
  }
}

function segmentsOf(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** First path segments that are never an owner (hub-api.md §4.1 plus asset prefixes). */
const RESERVED_ROOTS: ReadonlySet<string> = new Set([
  'api', 'datasets', 'spaces', 'models', 'docs', 'blog', 'papers', 'collections', 'organizations',
  'settings', 'join', 'login', 'logout', 'pricing', 'enterprise', 'pro', 'tasks', 'course', 'chat', 'new',
  'new-dataset', 'new-space', 'new-blog', 'new-collection', 'notifications', 'search', 'posts', 'leaderboards',
  'storage', 'buckets', 'jobs', 'mcp', 'playground', 'inference-endpoints', 'autotrain', 'oauth',
  'subscribe', 'contact', 'changelog', 'content-guidelines', 'code-of-conduct', 'front', 'avatars',
  'learn', 'privacy', 'terms-of-service', 'welcome', 'inference', 'hardware', 'security', 'huggingchat',
  'status', 'about', 'careers', 'brand', 'sitemap', 'robots.txt', 'favicon.ico', 'js', 'static',
  'password', 'email_confirmation', 'billing', 'inference-api', 'hub', 'deploy', 'cookbook',
]);

/**
 * Canonical models that lived without a namespace before the Hub moved them to organisations in
 * 2024 (e.g. /gpt2 → /openai-community/gpt2). A single-segment URL is an owner page unless it is one
 * of these; the content script additionally confirms a model page by its ModelHeader element.
 */
const LEGACY_MODEL_IDS: ReadonlySet<string> = new Set([
  'albert-base-v1', 'albert-base-v2', 'albert-large-v1', 'albert-large-v2', 'albert-xlarge-v1',
  'albert-xlarge-v2', 'albert-xxlarge-v1', 'albert-xxlarge-v2', 'bert-base-cased',
  'bert-base-cased-finetuned-mrpc', 'bert-base-chinese', 'bert-base-german-cased',
  'bert-base-german-dbmdz-cased', 'bert-base-german-dbmdz-uncased', 'bert-base-multilingual-cased',
  'bert-base-multilingual-uncased', 'bert-base-uncased', 'bert-large-cased',
  'bert-large-cased-whole-word-masking', 'bert-large-cased-whole-word-masking-finetuned-squad',
  'bert-large-uncased', 'bert-large-uncased-whole-word-masking',
  'bert-large-uncased-whole-word-masking-finetuned-squad', 'camembert-base', 'ctrl',
  'distilbert-base-cased', 'distilbert-base-cased-distilled-squad', 'distilbert-base-german-cased',
  'distilbert-base-multilingual-cased', 'distilbert-base-uncased',
  'distilbert-base-uncased-distilled-squad', 'distilbert-base-uncased-finetuned-sst-2-english',
  'distilgpt2', 'distilroberta-base', 'gpt2', 'gpt2-large', 'gpt2-medium', 'gpt2-xl', 'openai-gpt',
  'roberta-base', 'roberta-base-openai-detector', 'roberta-large', 'roberta-large-mnli',
  'roberta-large-openai-detector', 't5-11b', 't5-3b', 't5-base', 't5-large', 't5-small',
  'transfo-xl-wt103', 'xlm-clm-ende-1024', 'xlm-clm-enfr-1024', 'xlm-mlm-100-1280',
  'xlm-mlm-17-1280', 'xlm-mlm-en-2048', 'xlm-mlm-ende-1024', 'xlm-mlm-enfr-1024',
  'xlm-mlm-enro-1024', 'xlm-mlm-tlm-xnli15-1024', 'xlm-mlm-xnli15-1024', 'xlm-roberta-base',
  'xlm-roberta-large', 'xlm-roberta-large-finetuned-conll02-dutch',
  'xlm-roberta-large-finetuned-conll02-spanish', 'xlm-roberta-large-finetuned-conll03-english',
  'xlm-roberta-large-finetuned-conll03-german', 'xlnet-base-cased', 'xlnet-large-cased',
]);

/** Repo sub-paths of a model that are pages (not files or raw downloads). */
const FILE_TABS = new Set(['tree', 'blob']);
const COMMUNITY_TABS = new Set(['discussions']);
const COMMIT_TABS = new Set(['commits', 'commit']);
const ALL_TABS = new Set([...FILE_TABS, ...COMMUNITY_TABS, ...COMMIT_TABS]);
/** Model sub-paths that are not a feature's concern (downloads, settings, editors). */
const NON_PAGE_TABS = new Set(['resolve', 'raw', 'settings', 'edit', 'upload', 'new', 'delete', 'xet-enabled']);

const NAME_PATTERN = /^[\w.-]+$/;
const isName = (s: string | undefined): s is string =>
  !!s && NAME_PATTERN.test(s) && !/^\.+$/.test(s) && s.length <= 96;

interface RepoPath {
  id: string;
  /** What follows the id: [] for the card tab, ['tree','main'] etc. */
  rest: string[];
}

/** Splits a model URL into id and sub-path, or null when the URL is not inside a model repo. */
function repoPathOf(url: URL): RepoPath | null {
  const segs = segmentsOf(url);
  const [first, second] = segs;
  if (!isName(first) || RESERVED_ROOTS.has(first)) return null;
  if (LEGACY_MODEL_IDS.has(first) && (segs.length === 1 || ALL_TABS.has(second) || NON_PAGE_TABS.has(second))) {
    return { id: first, rest: segs.slice(1) };
  }
  if (!isName(second)) return null;
  return { id: `${first}/${second}`, rest: segs.slice(2) };
}

function repoOf(input: UrlLike): RepoPath | null {
  const url = toUrl(input);
  return url && repoPathOf(url);
}

/** The model id of any model page URL (card, files, community, commits), else null. */
export function modelIdFromUrl(input: UrlLike): string | null {
  const repo = repoOf(input);
  if (!repo) return null;
  const tab = repo.rest[0];
  if (tab === undefined || ALL_TABS.has(tab)) return repo.id;
  return null;
}

function modelTab(input: UrlLike): string | null | undefined {
  const repo = repoOf(input);
  if (!repo) return undefined;
  return repo.rest[0] ?? null;
}

// ---- leaf detectors -------------------------------------------------------------------------

export const isModelCardPage = (url: UrlLike): boolean => modelTab(url) === null;
export const isModelFilesPage = (url: UrlLike): boolean => FILE_TABS.has(modelTab(url) ?? '');
export const isModelCommunityPage = (url: UrlLike): boolean => COMMUNITY_TABS.has(modelTab(url) ?? '');
export const isModelCommitsPage = (url: UrlLike): boolean => COMMIT_TABS.has(modelTab(url) ?? '');

/** The /models listing (search, filters, sort, pagination). */
export function isModelListing(input: UrlLike): boolean {
  const url = toUrl(input);
  return !!url && /^\/models\/?$/.test(url.pathname);
}

/** A user or organisation profile, which lists the owner's models. */
export function isOwnerPage(input: UrlLike): boolean {
  const url = toUrl(input);
  if (!url) return false;
  const segs = segmentsOf(url);
  return segs.length === 1 && isName(segs[0]) && !RESERVED_ROOTS.has(segs[0]) && !LEGACY_MODEL_IDS.has(segs[0]);
}

/** A collection page; its items include model cards. */
export function isCollectionPage(input: UrlLike): boolean {
  const url = toUrl(input);
  if (!url) return false;
  const segs = segmentsOf(url);
  return segs[0] === 'collections' && segs.length === 3 && isName(segs[1]) && !!segs[2];
}

// ---- composites -----------------------------------------------------------------------------

/** Any model tab: the union of the four leaves above (their tabs make up ALL_TABS), with one parse. */
export const isModelPage = (url: UrlLike): boolean => modelIdFromUrl(url) !== null;

export const isListingPage = (url: UrlLike): boolean =>
  isModelListing(url) || isOwnerPage(url) || isCollectionPage(url);

/**
 * For listing links: the model a card's href points at, for relative or absolute hrefs, with or
 * without query strings (filtered listings link to `https://huggingface.co/{id}?…`).
 */
export function modelIdFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const repo = repoOf(href);
  // The card tab only: nothing after the id.
  return repo && repo.rest[0] === undefined ? repo.id : null;
}

/** Reserved roots under which a feature applies: the model listing and collection pages. */
const FEATURE_ROOTS: ReadonlySet<string> = new Set(['models', 'collections']);

/**
 * The content script's `exclude_matches`: the home page and every reserved section where no detector
 * can match, so the script is not even injected there. Going from such a section to a feature page is a
 * full page load on the Hub (its sections are separate server-rendered pages; only a listing's filters
 * and pages change the URL in place), which injects the script as usual.
 */
export function contentScriptExcludes(): string[] {
  const origin = `https://${HUB_HOST}`;
  const sections = [...RESERVED_ROOTS].filter((root) => !FEATURE_ROOTS.has(root));
  return [`${origin}/`, `${origin}/?*`, ...sections.flatMap((root) => [`${origin}/${root}`, `${origin}/${root}/*`, `${origin}/${root}?*`])];
}

/** Real Hub URLs per leaf detector, for the cross-matrix test. */
export const TEST_URLS = {
  isModelCardPage: [
    'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct',
    'https://huggingface.co/google-bert/bert-base-uncased',
    'https://huggingface.co/OrionLLM/GRM-2.6-Opus',
    'https://huggingface.co/ggml-org/gemma-3-1b-it-GGUF',
    'https://huggingface.co/imageomics/biocap',
    'https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct?library=transformers',
    'https://huggingface.co/black-forest-labs/FLUX.1-dev',
    'https://huggingface.co/meta-llama/Llama-3.1-8B#model-information',
    'https://huggingface.co/gpt2',
    'https://huggingface.co/bert-base-uncased',
    'https://huggingface.co/distilbert-base-uncased/',
    'https://huggingface.co/mradermacher/Qwen3.8-27B-abliterated-GGUF',
    'https://huggingface.co/unsloth/gemma-3-27b-it-GGUF?show_file_info=gemma-3-27b-it-Q4_K_M.gguf',
  ],
  isModelFilesPage: [
    'https://huggingface.co/imageomics/biocap/blob/main/README.md',
    'https://huggingface.co/imageomics/biocap/tree/main',
    'https://huggingface.co/google-bert/bert-base-uncased/tree/main/coreml/fill-mask',
    'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/config.json',
    'https://huggingface.co/Qwen/Qwen3-32B/blob/main/config.json?code=true',
    'https://huggingface.co/gpt2/tree/main',
    'https://huggingface.co/bert-base-uncased/blob/main/README.md',
  ],
  isModelCommunityPage: [
    'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/discussions',
    'https://huggingface.co/google/gemma-7b/discussions/122',
    'https://huggingface.co/bartowski/Replete-LLM-Qwen2-7b-exl2/discussions/1',
    'https://huggingface.co/gpt2/discussions',
  ],
  isModelCommitsPage: [
    'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/commits/main',
    'https://huggingface.co/imageomics/biocap/commit/4e544d1d08781b6afee77bd7c1a85d04bd567d1b',
    'https://huggingface.co/google-bert/bert-base-uncased/commits/main/README.md',
  ],
  isModelListing: [
    'https://huggingface.co/models',
    'https://huggingface.co/models?other=base_model:finetune:meta-llama/Llama-3.1-8B',
    'https://huggingface.co/models?other=base_model:quantized:google/gemma-3-1b-it',
    'https://huggingface.co/models?pipeline_tag=text-generation&sort=trending',
    'https://huggingface.co/models?search=llama&p=2',
    'https://huggingface.co/models?library=gguf&sort=downloads',
  ],
  isOwnerPage: [
    'https://huggingface.co/meta-llama',
    'https://huggingface.co/google',
    'https://huggingface.co/imageomics',
    'https://huggingface.co/mradermacher?sort_models=downloads#models',
    'https://huggingface.co/ggml-org',
  ],
  isCollectionPage: [
    'https://huggingface.co/collections/meta-llama/llama-31-669fc079a0c406a149a5738f',
    'https://huggingface.co/collections/google/gemma-3-release-67c6c6f89c4f76621268bb6d',
  ],
} as const;

/** Hub URLs on which no feature applies: every detector must reject them. */
export const NON_FEATURE_URLS = [
  'https://huggingface.co/',
  'https://huggingface.co/datasets/akariasai/PopQA',
  'https://huggingface.co/datasets/sgoel9/paul_graham_essays/tree/main',
  'https://huggingface.co/datasets?other=base_model:meta-llama/Llama-3.1-8B',
  'https://huggingface.co/spaces/midah/hf-viz',
  'https://huggingface.co/spaces',
  'https://huggingface.co/docs',
  'https://huggingface.co/docs/hub/model-cards',
  'https://huggingface.co/blog',
  'https://huggingface.co/blog/gemma',
  'https://huggingface.co/papers/2508.06811',
  'https://huggingface.co/collections',
  'https://huggingface.co/settings/tokens',
  'https://huggingface.co/settings',
  'https://huggingface.co/login',
  'https://huggingface.co/join',
  'https://huggingface.co/pricing',
  'https://huggingface.co/organizations/imageomics/settings/members',
  'https://huggingface.co/posts/mlabonne/123456789',
  'https://huggingface.co/tasks/text-generation',
  'https://huggingface.co/new',
  'https://huggingface.co/notifications',
  'https://huggingface.co/api/models/google-bert/bert-base-uncased',
  'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json',
  'https://huggingface.co/imageomics/biocap/raw/main/README.md',
  'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/settings',
  'https://huggingface.co/front/build/kube-08e8472/style.css',
  'https://huggingface.co/chat/',
  'https://huggingface.co/learn/nlp-course/chapter1/1',
  'https://huggingface.co/inference-endpoints/dedicated',
  'https://huggingface.co/leaderboards',
  'https://example.com/meta-llama/Llama-3.1-8B',
  'https://hf.co/meta-llama/Llama-3.1-8B',
] as const;
