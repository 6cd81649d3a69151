import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { DocumentContent, DocumentFacts } from "./templates.rules";
import { verificationLine } from "./templates.rules";

export interface FontSettings {
  regularFile: string;
  regularName: string;
  boldFile: string;
  boldName: string;
}

const MM = 72 / 25.4;

/** What pdfkit keeps of a document's fonts (not in its types): enough to hand it a parsed font. */
interface FontInternals {
  _font?: { font: unknown; constructor: new (document: PDFKit.PDFDocument, font: unknown, id: string) => unknown };
  _fontFamilies?: Record<string, unknown>;
  _fontCount?: number;
}

/**
 * Parsing a CJK font's CFF tables costs far more than the rest of a document (about 1.4 s against
 * 50 ms on a loaded machine), and pdfkit parses each font anew for every document. So the fonts
 * are parsed once, in a first document, and each later document is given them parsed: a new
 * pdfkit font object (its subset, widths and text map are the document's own) over the shared
 * fontkit font. Should pdfkit's internals ever change shape, documents parse their fonts again.
 */
class ParsedFonts {
  private parsed: Map<string, { font: unknown; make: new (document: PDFKit.PDFDocument, font: unknown, id: string) => unknown }> | null = null;

  constructor(private readonly sources: { name: string; file: Buffer; family: string }[]) {}

  /** Registers each font in the document: parsed already when it can be. */
  give(doc: PDFKit.PDFDocument): void {
    const internals = doc as unknown as FontInternals;
    if (this.parsed && internals._fontFamilies && typeof internals._fontCount === "number") {
      for (const { name } of this.sources) {
        const { font, make } = this.parsed.get(name)!;
        internals._fontCount += 1;
        internals._fontFamilies[name] = new make(doc, font, `F${internals._fontCount}`);
      }
      return;
    }
    for (const { name, file, family } of this.sources) doc.registerFont(name, file, family);
    if (this.parsed === null) {
      const parsed = new Map<string, { font: unknown; make: new (document: PDFKit.PDFDocument, font: unknown, id: string) => unknown }>();
      for (const { name } of this.sources) {
        doc.font(name);
        const current = internals._font;
        if (!current?.font) return;
        parsed.set(name, { font: current.font, make: current.constructor });
      }
      this.parsed = parsed;
    }
  }
}

/**
 * Renders a document to an A4 PDF: the center's name, the title, the lines and paragraphs, the
 * issuer, and the verification code with its QR code. The CJK fonts are embedded as subsets of
 * the glyphs used. The same facts give the same bytes: the creation date is the cause's time,
 * pdfkit's file id is a hash of the document's info, and nothing random is drawn.
 */
export class PdfRenderer {
  private readonly fonts: ParsedFonts;

  constructor(
    settings: FontSettings,
    private readonly verifyUrl: string,
  ) {
    this.fonts = new ParsedFonts([
      { name: "regular", file: readFileSync(settings.regularFile), family: settings.regularName },
      { name: "bold", file: readFileSync(settings.boldFile), family: settings.boldName },
    ]);
  }

  async render(facts: DocumentFacts, content: DocumentContent): Promise<Buffer> {
    const url = `${this.verifyUrl.replace(/\/+$/, "")}/${facts.verificationCode}`;
    const qr = await QRCode.toBuffer(url, { errorCorrectionLevel: "M", margin: 0, scale: 4, type: "png" });
    const doc = new PDFDocument({
      size: "A4",
      margins: { top: 25 * MM, bottom: 20 * MM, left: 25 * MM, right: 25 * MM },
      info: { CreationDate: facts.issuedAt, ModDate: facts.issuedAt, Title: `${content.title} ${facts.documentNo}`, Author: facts.centerName, Producer: "onestop results", Creator: "onestop results" },
      lang: "zh-CN",
    });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<Buffer>((resolve, reject) => {
      doc.on("end", () => resolve(Buffer.concat(chunks)));
      doc.on("error", reject);
    });
    this.fonts.give(doc);
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

    doc.font("bold").fontSize(16).text(facts.centerName, { align: "center" });
    doc.moveDown(0.4);
    doc.font("bold").fontSize(22).text(content.title, { align: "center" });
    doc.moveDown(0.3);
    doc.font("regular").fontSize(10.5).text(facts.documentNo, { align: "center" });
    doc.moveDown(1);

    doc.fontSize(12);
    for (const field of content.fields) {
      const y = doc.y;
      doc.font("bold").text(`${field.label}：`, doc.page.margins.left, y, { width: 30 * MM });
      doc.font("regular").text(field.value, doc.page.margins.left + 30 * MM, y, { width: width - 30 * MM });
      doc.moveDown(0.3);
    }
    doc.moveDown(0.8);
    for (const paragraph of content.paragraphs) {
      doc.font("regular").fontSize(12).text(paragraph, doc.page.margins.left, doc.y, { width, indent: 24, lineGap: 4, align: "justify" });
      doc.moveDown(0.5);
    }
    doc.moveDown(1.5);
    for (const line of content.signature) doc.font("regular").fontSize(12).text(line, doc.page.margins.left, doc.y, { width, align: "right" });

    // The verification block at the foot of the (last) page.
    const size = 28 * MM;
    const top = doc.page.height - doc.page.margins.bottom - size;
    if (doc.y > top - 6 * MM) doc.addPage();
    doc.image(qr, doc.page.margins.left, top, { width: size, height: size });
    const [codeLine, howLine] = verificationLine(facts, this.verifyUrl);
    doc.font("bold").fontSize(11).text(codeLine!, doc.page.margins.left + size + 6 * MM, top + 6 * MM, { width: width - size - 6 * MM });
    doc.font("regular").fontSize(9).text(howLine!, doc.page.margins.left + size + 6 * MM, doc.y + 2, { width: width - size - 6 * MM });
    doc.end();
    return ended;
  }
}
