#!/usr/bin/python3
# Writes a binary DICOM Segmentation (SEG) over a CT series with pydicom, as
# the test oracle for the viewer's SEG overlay (independent of Kilima's
# reader). One segment "Lesion" whose Recommended Display CIELab Value is
# sRGB pure red; a disc of radius R pixels centred at (CX, CY) on the
# slices whose instance numbers are listed. Frames reference their source
# image (Derivation Image Sequence) and carry Plane Position (Patient).
# Usage: makeseg.py OUT CX CY R INSTANCES(comma list) CT_FILES...
import sys
import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

out, cx, cy, r, instances = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
wanted = {int(i) for i in instances.split(',')}
cts = [pydicom.dcmread(f) for f in sys.argv[6:]]
cts = [c for c in cts if int(c.InstanceNumber) in wanted]
cts.sort(key=lambda c: int(c.InstanceNumber))
ref = cts[0]

ds = Dataset()
ds.file_meta = FileMetaDataset()
ds.file_meta.MediaStorageSOPClassUID = '1.2.840.10008.5.1.4.1.1.66.4'
ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
ds.is_little_endian = True
ds.is_implicit_VR = False
ds.SOPClassUID = ds.file_meta.MediaStorageSOPClassUID
ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
for k in ('PatientName', 'PatientID', 'StudyInstanceUID', 'StudyDate', 'FrameOfReferenceUID'):
    setattr(ds, k, getattr(ref, k, ''))
ds.Modality = 'SEG'
ds.SeriesInstanceUID = generate_uid()
ds.SeriesNumber = 99
ds.SeriesDescription = 'Lesion segmentation'
ds.InstanceNumber = 1
ds.ContentLabel = 'LESION'
ds.ImageType = ['DERIVED', 'PRIMARY']
ds.SamplesPerPixel = 1
ds.PhotometricInterpretation = 'MONOCHROME2'
ds.Rows, ds.Columns = ref.Rows, ref.Columns
ds.BitsAllocated = 1
ds.BitsStored = 1
ds.HighBit = 0
ds.PixelRepresentation = 0
ds.SegmentationType = 'BINARY'
rs = Dataset()
rs.SeriesInstanceUID = ref.SeriesInstanceUID
rs.ReferencedInstanceSequence = Sequence()
for c in cts:
    ri = Dataset()
    ri.ReferencedSOPClassUID = c.SOPClassUID
    ri.ReferencedSOPInstanceUID = c.SOPInstanceUID
    rs.ReferencedInstanceSequence.append(ri)
ds.ReferencedSeriesSequence = Sequence([rs])
seg = Dataset()
seg.SegmentNumber = 1
seg.SegmentLabel = 'Lesion'
seg.SegmentAlgorithmType = 'MANUAL'
seg.RecommendedDisplayCIELabValue = [34891, 53480, 50167]   # sRGB (255, 0, 0)
ds.SegmentSequence = Sequence([seg])
shared = Dataset()
po = Dataset()
po.ImageOrientationPatient = ref.ImageOrientationPatient
shared.PlaneOrientationSequence = Sequence([po])
pm = Dataset()
pm.PixelSpacing = ref.PixelSpacing
pm.SliceThickness = getattr(ref, 'SliceThickness', 1)
shared.PixelMeasuresSequence = Sequence([pm])
ds.SharedFunctionalGroupsSequence = Sequence([shared])
ds.PerFrameFunctionalGroupsSequence = Sequence()
yy, xx = np.mgrid[0:ref.Rows, 0:ref.Columns]
disc = ((xx - cx) ** 2 + (yy - cy) ** 2 <= r * r).astype(np.uint8)
frames = []
for c in cts:
    f = Dataset()
    src = Dataset()
    src.ReferencedSOPClassUID = c.SOPClassUID
    src.ReferencedSOPInstanceUID = c.SOPInstanceUID
    der = Dataset()
    der.SourceImageSequence = Sequence([src])
    f.DerivationImageSequence = Sequence([der])
    pp = Dataset()
    pp.ImagePositionPatient = c.ImagePositionPatient
    f.PlanePositionSequence = Sequence([pp])
    sid = Dataset()
    sid.ReferencedSegmentNumber = 1
    f.SegmentIdentificationSequence = Sequence([sid])
    ds.PerFrameFunctionalGroupsSequence.append(f)
    frames.append(disc)
ds.NumberOfFrames = len(frames)
bits = np.packbits(np.concatenate([f.ravel() for f in frames]), bitorder='little')
if len(bits) % 2:
    bits = np.append(bits, np.uint8(0))
ds.PixelData = bits.tobytes()
ds['PixelData'].VR = 'OB'
ds.save_as(out, write_like_original=False)
print(out)
