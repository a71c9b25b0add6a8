/** Usage text in both languages. */
export const HELP = {
  ja: `kasuhara-press — カスタマー・ハラスメント対策の基本方針・ポスターを PDF にします

使い方:
  kasuhara-press build [オプション]     content/ の各団体の製品をすべて output/ に作成
  kasuhara-press typeset FILE.md [オプション]
                                       Markdown の文章を基本方針のテンプレートで組版して PDF に（改行位置の確認用）
  kasuhara-press init DIR [--name 団体名]
                                       新しい団体のフォルダ（内容ファイルのひな形）を作成。そのままビルドできます
  kasuhara-press dev [--content DIR] [--variant ID] [--all] [--port N]
                                       編集しながら確認: ブラウザーにプレビューを表示し、保存するたびに更新
  kasuhara-press check FILE.pdf --print [--json] [--ink-limit N]
                                       入稿前チェック: 任意の PDF の塗り足し・CMYK・文字の黒・総インキ量・フォント埋め込み・
                                       画像解像度・PDF/X-1a の必須キーを確認（不合格があれば終了コード 1）
  kasuhara-press check FILE.pdf --web [--json]
                                       掲載用チェック: 任意の PDF のタグ付け・言語・表題・XMP（PDF/UA）・内容のタグ・
                                       図の代替テキスト・見出しの順・フォント（ToUnicode）・リンクの説明を確認
  kasuhara-press furigana FILE.yaml    やさしい日本語の漢字の読みの候補（kuromoji）を FILE.readings.yaml に書き出す。
                                       人が確かめて reviewed: true にした読みだけをビルドが使います
  kasuhara-press --help                この説明

オプション:
  --content DIR   このフォルダ（organisation.yaml などがある）だけを作成（複数指定可）
  --out DIR       出力先（既定: output）。DIR/<団体フォルダ名>/ に書き出します
  --product ID    この製品だけを作成（例: poster, policy。複数指定可）
  --variant ID    このバリエーションだけを作成（例: okayama-kita, en。複数指定可。既定は各団体の基本形）
  --all           すべてのバリエーション（区役所・課・言語）× 製品 × 種類を作成
  --force         前回から変わっていない文書も作り直す（既定では入力が同じ文書は作り直しません）
  --flavour 種類  作る種類だけ: pdf（標準）・print（入稿用）・web（掲載用タグ付き）・html（ウェブページ）。複数指定可。既定はすべて
  --lang ja|en    メッセージの言語（既定: ロケール。不明なら日本語）
  --json          作成したファイルの一覧を JSON で出力
  --outline-text  入稿用 PDF をもう1つ、文字をアウトライン化（図形に）して <名前>.print-outlined.pdf に作成
                  （フォントを含みません。<名前>.print.pdf の文字はそのまま）

typeset のオプション:
  --measure 長さ  本文の行長（例: 22em＝本文22字分、1em = 10.5pt。120mm なども可）。既定: A4 の基本方針と同じ
  --out FILE.pdf  PDF の出力先（既定: FILE.md と同じ場所・同じ名前の .pdf）
  --lines FILE    各段落の行（改行位置）を JSON で書き出す

dev のオプション（--content, --product, --lang も使えます。ファイルは書き出しません）:
  --variant ID    基本形に加えてこのバリエーションも表示（例: kita, okayama-en。複数指定可）。
                  そのファイルや訳を保存すると、そのバリエーションだけを作り直します
  --all           すべてのバリエーションを表示
  --port N        http://127.0.0.1:N/ で表示（既定: 4173。0 なら空いているポート）
  --dpi N         プレビューの解像度（既定: 各ページ幅 約1000ピクセル）

終了コード: 0 成功 / 1 入力の誤り（メッセージを参照）/ 2 内部エラー
`,
  en: `kasuhara-press — customer-harassment policy posters and documents as PDF

Usage:
  kasuhara-press build [options]      build every product of every organisation in content/ into output/
  kasuhara-press typeset FILE.md [options]
                                      set a Markdown text through the policy template as PDF (to review line breaks)
  kasuhara-press init DIR [--name NAME]
                                      create a new organisation folder (content skeleton) that builds as it is
  kasuhara-press dev [--content DIR] [--variant ID] [--all] [--port N]
                                      live preview in the browser, redrawn whenever a file is saved
  kasuhara-press check FILE.pdf --print [--json] [--ink-limit N]
                                      preflight any PDF for print: bleed, CMYK only, K100 text, total ink
                                      (default 300%), embedded fonts, image resolution, PDF/X-1a keys
                                      (exit code 1 if any rule fails)
  kasuhara-press check FILE.pdf --web [--json]
                                      preflight any PDF for the web (PDF/UA-1): tags, /Lang, title, XMP,
                                      all content marked, ParentTree, figure alt text, heading levels,
                                      fonts with ToUnicode, link descriptions (exit code 1 on a failure)
  kasuhara-press furigana FILE.yaml   propose readings for the kanji of an easy-Japanese file (kuromoji) into
                                      FILE.readings.yaml; the build uses only readings a person marked reviewed: true
  kasuhara-press --help               this text

Options:
  --content DIR   build only this folder (the one holding organisation.yaml); repeatable
  --out DIR       output folder (default: output); files go to DIR/<organisation folder>/
  --product ID    build only this product (e.g. poster, policy); repeatable
  --variant ID    build this variant (e.g. okayama-kita, en); repeatable; default: each organisation's base
  --all           build every variant (wards, sections, languages) × product × flavour
  --force         rebuild documents whose inputs did not change (by default they are kept)
  --flavour KIND  make only these: pdf (plain), print (print shop), web (tagged PDF), html (web page);
                  repeatable or comma-separated; default all
  --lang ja|en    message language (default: from the locale, Japanese if unknown)
  --json          print the list of written files as JSON
  --outline-text  also write the print file with text outlined (as paths, no fonts) as
                  <name>.print-outlined.pdf (<name>.print.pdf keeps live text)

Options of typeset:
  --measure LEN   line length of the body text, e.g. 22em (22 body characters; 1em = 10.5 pt) or 120mm;
                  default: that of the A4 policy
  --out FILE.pdf  where to write the PDF (default: beside FILE.md, same name, .pdf)
  --lines FILE    also write every paragraph's lines as JSON

Options of dev (--content, --product and --lang work too; nothing is written):
  --variant ID    also show this variant beside the base (e.g. kita, okayama-en); repeatable; saving its
                  file or a translation it names rebuilds that variant only
  --all           show every variant
  --port N        serve http://127.0.0.1:N/ (default: 4173; 0 picks a free port)
  --dpi N         preview resolution (default: about 1000 pixels across each page)

Exit codes: 0 success / 1 bad input (see the messages) / 2 internal error
`,
} as const;
